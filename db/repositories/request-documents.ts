import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import type { Bilingual } from '../../domain/i18n';
import type { PersonRef } from '../../domain/requests/model';
import type { Database } from '../index';
import { filesOf } from './attachments';
import type { AttachmentRow } from '../models';
import type { RequestDocumentRow } from '../schema/requests';
import { createBaseDataRepository } from './basedata';

/** The attachments' purpose of a request's documents (their refId is the request). */
export const REQUEST_DOCUMENT_PURPOSE = 'request-document';

/** A document attached to a request, as the API shows it. */
export interface RequestDocumentRecord {
  id: string;
  typeCode: string;
  /** The base-data name of the type (the code when the type is gone). */
  typeName: Bilingual;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: PersonRef;
  createdAt: string;
}

/** Documents attached to requests (table `request_documents`, files in `attachments`). */
export function createRequestDocumentRepository(db: Database) {
  const { RequestDocument, Attachment } = db.models;
  const baseData = createBaseDataRepository(db);

  async function records(rows: RequestDocumentRow[], tx?: Transaction): Promise<RequestDocumentRecord[]> {
    if (!rows.length) return [];
    const [files, types] = await Promise.all([
      filesOf(
        db,
        rows.map((d) => d.attachmentId),
        tx,
      ),
      // Inactive types keep their names: a document typed before a type was switched off still reads well.
      baseData.byCodes('document-type', [...new Set(rows.map((d) => d.typeCode))], tx),
    ]);
    return rows.map((d) => {
      const t = types.get(d.typeCode);
      return {
        id: d.id,
        typeCode: d.typeCode,
        typeName: { fa: t?.nameFa ?? d.typeCode, en: t?.nameEn ?? d.typeCode },
        ...files.of(d.attachmentId),
        uploadedBy: { id: d.uploadedByUserId, displayName: d.uploadedByName },
        createdAt: new Date(d.createdAt).toISOString(),
      };
    });
  }

  return {
    /** The request's documents, oldest first. */
    async list(requestId: string, tx?: Transaction): Promise<RequestDocumentRecord[]> {
      const rows = await RequestDocument.findAll({
        where: { requestId },
        order: [
          ['createdAt', 'ASC'],
          ['id', 'ASC'],
        ],
        transaction: tx,
      });
      return records(rows, tx);
    },

    /** Attaches a stored file (an `attachments` row of purpose `request-document`) to the request. */
    async add(
      tx: Transaction,
      input: { requestId: string; attachmentId: string; typeCode: string; uploadedBy: PersonRef },
    ): Promise<RequestDocumentRecord> {
      const row = await RequestDocument.create(
        {
          id: randomUUID(),
          requestId: input.requestId,
          attachmentId: input.attachmentId,
          typeCode: input.typeCode,
          uploadedByUserId: input.uploadedBy.id,
          uploadedByName: input.uploadedBy.displayName,
          createdAt: new Date(),
        },
        { transaction: tx },
      );
      const [record] = await records([row], tx);
      return record;
    },

    /** The document's file, if the document belongs to the request. */
    async file(requestId: string, documentId: string): Promise<AttachmentRow | null> {
      const doc = await RequestDocument.findOne({ where: { id: documentId, requestId } });
      const file = doc ? await Attachment.findByPk(doc.attachmentId) : null;
      return file && file.purpose === REQUEST_DOCUMENT_PURPOSE && file.refId === requestId ? file : null;
    },

    /** Removes a document and its file; the removed document, or null when the request has no such document. */
    async remove(tx: Transaction, requestId: string, documentId: string): Promise<RequestDocumentRecord | null> {
      const row = await RequestDocument.findOne({ where: { id: documentId, requestId }, transaction: tx });
      if (!row) return null;
      const [record] = await records([row], tx);
      await row.destroy({ transaction: tx });
      await Attachment.destroy({ where: { id: row.attachmentId }, transaction: tx });
      return record;
    },

    /** Removes every document of the request and their files (a draft being deleted). */
    async removeAll(tx: Transaction, requestId: string): Promise<RequestDocumentRecord[]> {
      const rows = await RequestDocument.findAll({ where: { requestId }, transaction: tx });
      if (!rows.length) return [];
      const removed = await records(rows, tx);
      await RequestDocument.destroy({ where: { requestId }, transaction: tx });
      await Attachment.destroy({ where: { id: rows.map((r) => r.attachmentId) }, transaction: tx });
      return removed;
    },
  };
}

export type RequestDocumentRepository = ReturnType<typeof createRequestDocumentRepository>;
