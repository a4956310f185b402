export * from './report';
export * from './sarif';
export * from './github';
export * from './junit';
export * from './ci-format';
