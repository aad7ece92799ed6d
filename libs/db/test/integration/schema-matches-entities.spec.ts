import { createTestDatabase, type TestDatabase } from '../../src/testing';

// Migrations are written by hand (never `synchronize`), so this checks they agree with the
// entities: every mapped column exists with the nullability the entity declares, and the
// migrations roll back and forward cleanly.
describe('migrations and entities', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('schema');
  });
  afterAll(() => db.drop());

  it('creates every column each entity maps, with matching nullability', async () => {
    const rows: { table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }[] =
      await db.dataSource.query(
        `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
      );
    const actual = new Map(
      rows.map((r) => [`${r.table_name}.${r.column_name}`, r.is_nullable === 'YES']),
    );
    const mismatches: string[] = [];
    for (const entity of db.dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const key = `${entity.tableName}.${column.databaseName}`;
        if (!actual.has(key)) mismatches.push(`${key} is mapped but missing`);
        else if (actual.get(key) !== column.isNullable)
          mismatches.push(
            `${key}: entity nullable=${column.isNullable}, table nullable=${actual.get(key)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('rolls every migration back and applies them again', async () => {
    const count = db.dataSource.migrations.length;
    for (let i = 0; i < count; i++) await db.dataSource.undoLastMigration();
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'leads'`,
    );
    expect(n).toBe(0);
    const applied = await db.dataSource.runMigrations();
    expect(applied).toHaveLength(count);
  });
});
