import path from 'node:path';
import { loadPlugins, parsePluginList } from './load-plugins';

const fixtures = path.join(__dirname, 'fixtures');

describe('loadPlugins', () => {
  it('loads a plugin folder and indexes its activities by name', async () => {
    const loaded = await loadPlugins(parsePluginList(' ./echo-plugin , '), fixtures);
    expect([...loaded.keys()]).toEqual(['fixture.echo']);
    expect(loaded.get('fixture.echo')?.plugin).toEqual({ name: 'fixture-echo', version: '0.1.0' });
  });

  it('refuses a module that exports no plugin, naming it', async () => {
    await expect(loadPlugins(['./not-a-plugin'], fixtures)).rejects.toThrow(
      /Plugin "\.\/not-a-plugin".*does not export a BatonPlugin/,
    );
  });

  it('refuses a package that cannot be found, naming it', async () => {
    await expect(loadPlugins(['baton-plugin-that-does-not-exist'], fixtures)).rejects.toThrow(
      /Plugin "baton-plugin-that-does-not-exist".*could not be loaded/,
    );
  });

  it('refuses the same activity name from two plugins', async () => {
    await expect(
      loadPlugins(['./echo-plugin', path.join(fixtures, 'echo-plugin')], fixtures),
    ).rejects.toThrow(
      /"fixture.echo" is defined by both plugin fixture-echo and plugin fixture-echo/,
    );
  });
});
