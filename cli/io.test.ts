import { describe, expect, it } from 'vitest';
import { fsProblem, userCwd } from './io.ts';

describe('CLI io', () => {
  it('resolves paths from where the user typed `npm run cli`, not the package folder', () => {
    expect(userCwd({ npm_lifecycle_event: 'cli', INIT_CWD: '/home/me/pages' })).toBe('/home/me/pages');
    // Another npm script (the tests) spawning the CLI keeps its own working folder.
    expect(userCwd({ npm_lifecycle_event: 'test', INIT_CWD: '/home/me' })).toBe(process.cwd());
    expect(userCwd({})).toBe(process.cwd());
  });

  it('says file system problems in a few words', () => {
    expect(fsProblem(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('no such file');
    expect(fsProblem(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(fsProblem(new Error('disk on fire'))).toBe('disk on fire');
  });
});
