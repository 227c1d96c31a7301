import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../src/simulator/router.ts';

describe('matchRoute', () => {
  it('takes any {method, pattern} objects and returns the matched object itself, literal segments winning', () => {
    const routes = [
      { method: 'GET', pattern: '/x/:id', name: 'param' },
      { method: 'GET', pattern: '/x/export', name: 'literal' },
      { method: 'POST', pattern: '/x/:id', name: 'post' },
    ];
    expect(matchRoute(routes, 'GET', '/x/export')?.route.name).toBe('literal');
    const param = matchRoute(routes, 'GET', '/x/a%20b');
    expect(param?.route).toBe(routes[0]);
    expect(param?.params).toEqual({ id: 'a b' });
    expect(matchRoute(routes, 'POST', '/x/1')?.route.name).toBe('post');
    expect(matchRoute(routes, 'DELETE', '/x/1')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/x/1/more')).toBeUndefined();
  });
});
