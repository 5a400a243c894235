export * from './sources';
export * from './content';
export * from './auth';
export * from './quiz';
export * from './progress';
export * from './classes';
export * from './installation';
export * from './review';
