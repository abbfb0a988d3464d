export { AmbiguousRecordError, isAmbiguousRecordError } from "./ambiguous-record-error";
export { isRecordExistsError, RecordExistsError } from "./record-exists-error";
export { isRequiredRecordMissingError, RequiredRecordMissingError } from "./required-record-missing-error";
export { isRollbackError, RollbackError } from "./rollback-error";
export { isWriteVerificationError, WriteVerificationError } from "./write-verification-error";
