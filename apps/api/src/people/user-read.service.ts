import { Inject, Injectable } from '@nestjs/common';
import type { UserList, UserListQuery, UserView } from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';
import { notFound } from './people-errors';
import { toUserView, USER_VIEW_COLUMNS, type UserViewRow } from './user-view';

type Queryable = Pick<EntityManager, 'query'>;

/** People as the API shows them: settings, teams, open lead count and breach flag. */
@Injectable()
export class UserReadService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(query: UserListQuery): Promise<UserList> {
    const rows: UserViewRow[] = await this.db.query(
      `SELECT ${USER_VIEW_COLUMNS} FROM users u
       WHERE ($1::text IS NULL OR u.role = $1)
         AND ($2::text IS NULL OR u.status = $2)
         AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM team_members tm WHERE tm.user_id = u.id AND tm.team_id = $3))
         AND ($4::boolean IS NULL OR (u.flagged_at IS NOT NULL) = $4)
       ORDER BY u.name, u.id`,
      [query.role ?? null, query.status ?? null, query.team ?? null, query.flagged ?? null],
    );
    return { items: rows.map(toUserView) };
  }

  async find(id: string, db: Queryable = this.db): Promise<UserView | null> {
    const [row]: UserViewRow[] = await db.query(
      `SELECT ${USER_VIEW_COLUMNS} FROM users u WHERE u.id = $1`,
      [id],
    );
    return row ? toUserView(row) : null;
  }

  async get(id: string, db: Queryable = this.db): Promise<UserView> {
    const user = await this.find(id, db);
    if (!user) throw notFound(`There is no person ${id}`);
    return user;
  }
}
