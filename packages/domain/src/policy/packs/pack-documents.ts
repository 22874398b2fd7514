import { AppError } from '../../errors.ts';
import { POLICY_DOCUMENTS, type PolicyDocument } from '../documents.ts';

/**
 * The documents of a pack, by the ids its clauses use.
 * @throws AppError INTERNAL when an id is not in POLICY_DOCUMENTS (a programming error in a pack)
 */
export function documentsOf(...refs: string[]): PolicyDocument[] {
  return refs.map((ref) => {
    const doc = POLICY_DOCUMENTS.find((d) => d.ref === ref);
    if (!doc) throw new AppError('INTERNAL', `policy document ${ref} is not known`);
    return doc;
  });
}
