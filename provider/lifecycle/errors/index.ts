export { AmbiguousRecordError } from "./ambiguous-record-error";
export { RecordExistsError } from "./record-exists-error";
export { RequiredRecordMissingError } from "./required-record-missing-error";
export { RollbackError } from "./rollback-error";
export { WriteVerificationError } from "./write-verification-error";
