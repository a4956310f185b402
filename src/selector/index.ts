export { ServiceSelector } from './service-selector';
