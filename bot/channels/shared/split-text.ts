// Moved to common/ so the API's notice preview splits exactly like the bots do.
export * from '../../../common/split-text.js';
