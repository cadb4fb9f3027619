import { aRequestDetail } from '../../../testing/request-fixtures';
import {
  DOCUMENT_ACCEPT,
  documentFileProblem,
  documentTarget,
  sameExceptDocuments,
  withDocument,
  withoutDocument,
} from './request-documents';
import { RequestDocument } from './requests.models';

const doc = (id: string): RequestDocument => ({
  id,
  typeCode: 'id-card',
  typeName: { fa: 'کارت ملی', en: 'ID card' },
  fileName: `${id}.png`,
  contentType: 'image/png',
  size: 10,
  uploadedBy: { id: 'u1', displayName: 'Alpha User' },
  createdAt: '2025-11-23T06:00:00Z',
});

describe('request documents', () => {
  it('when the form was opened with a request or saved, then documents go to it; never saved, to a draft saved first', () => {
    expect(documentTarget('r1', null)).toBe('r1');
    expect(documentTarget(undefined, 'd1')).toBe('d1');
    expect(documentTarget('r1', 'r1')).toBe('r1');
    expect(documentTarget(undefined, undefined)).toBeNull();
  });

  it('when a file is chosen, then only an image or a PDF that is not empty may be sent', () => {
    expect(DOCUMENT_ACCEPT).toContain('application/pdf');
    expect(documentFileProblem(null)).toBeNull();
    expect(documentFileProblem({ type: 'image/jpeg', size: 5 })).toBeNull();
    expect(documentFileProblem({ type: 'application/pdf', size: 5 })).toBeNull();
    const html = documentFileProblem({ type: 'text/html', size: 5 });
    expect(html?.code).toBe('unsupported_type');
    expect(html?.message.fa).toContain('PDF');
    expect(documentFileProblem({ type: 'image/png', size: 0 })?.code).toBe('empty');
  });

  it('when a document is uploaded or removed, then only its request changes, once', () => {
    const r = aRequestDetail({ id: 'r1', documents: [doc('a')] });
    const added = withDocument(r, 'r1', doc('b'));
    expect(added.documents.map((d) => d.id)).toEqual(['a', 'b']);
    expect(withDocument(added, 'r1', doc('b'))).toBe(added);
    expect(withDocument(r, 'r2', doc('b'))).toBe(r);
    expect(withDocument(null, 'r1', doc('b'))).toBeNull();
    expect(withoutDocument(added, 'r1', 'a').documents.map((d) => d.id)).toEqual(['b']);
    expect(withoutDocument(added, 'r2', 'a')).toBe(added);
  });

  it('when only the documents of the stored request change, then it counts as the same (the form is not refilled)', () => {
    const r = aRequestDetail({ id: 'r1' });
    expect(sameExceptDocuments(r, withDocument(r, 'r1', doc('a')))).toBe(true);
    expect(sameExceptDocuments(r, { ...r, updatedAt: '2025-11-24T06:00:00Z' })).toBe(false);
    expect(sameExceptDocuments(r, { ...r, payload: { ...r.payload } })).toBe(false);
    expect(sameExceptDocuments(null, null)).toBe(true);
    expect(sameExceptDocuments(r, null)).toBe(false);
  });
});
