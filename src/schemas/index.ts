/** One schema per entity; re-exported for content.config.ts and scripts/. */
export * from './common.ts';
export * from './settings.ts';
export * from './plan.ts';
export * from './taxonomy.ts';
export * from './task.ts';
export * from './update.ts';
export * from './reported-figure.ts';
export * from '#src/lib/model/statuses.ts';
export * from '#src/lib/model/labels.ts';
