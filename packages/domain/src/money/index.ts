export * from './money.ts';
export * from './wan-yuan.ts';
