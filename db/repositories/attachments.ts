import type { Transaction } from 'sequelize';
import type { Database } from '../index';

/** What a document list shows of its stored file. */
export interface FileFacts {
  fileName: string;
  contentType: string;
  size: number;
}

/** Shown for a file that is missing (never expected: files are removed with their documents). */
const NO_FILE: FileFacts = { fileName: '', contentType: 'application/octet-stream', size: 0 };

/** The file facts of the given attachments, in one query; `of(id)` never fails. */
export async function filesOf(db: Database, ids: string[], tx?: Transaction): Promise<{ of(id: string): FileFacts }> {
  const rows = ids.length
    ? await db.models.Attachment.findAll({
        where: { id: [...new Set(ids)] },
        attributes: ['id', 'fileName', 'contentType', 'size'],
        transaction: tx,
      })
    : [];
  const byId = new Map(
    rows.map((f) => [
      f.id,
      { fileName: f.fileName ?? '', contentType: f.contentType ?? NO_FILE.contentType, size: Number(f.size ?? 0) },
    ]),
  );
  return { of: (id) => byId.get(id) ?? NO_FILE };
}
