import { SetRule } from '../rule';

export const NODE_PORT_SET_RULES: readonly SetRule[] = [];
