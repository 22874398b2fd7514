#!/usr/bin/env node
// Tiny launcher: registers tsx so that the TypeScript sources run directly, then hands over to src/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
