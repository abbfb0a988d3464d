export { isSpokesError, SpokesError, type Operation, type SpokesErrorOptions } from "./spokes-error";
export {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  InvalidTableError,
  isConflictError,
  isForbiddenError,
  isInvalidInputError,
  isInvalidTableError,
  isNotFoundError,
  isOutcomeUnknownError,
  isRateLimitedError,
  isServiceNowError,
  isUnauthorizedError,
  isUnreachableError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  ServiceNowError,
  UnauthorizedError,
  UnreachableError,
} from "../client/errors";
export * from "../lifecycle/errors";
export { isProviderConfigError, ProviderConfigError, type ConfigProblem } from "../config/provider-config-error";
export { CredentialCheckError, isCredentialCheckError } from "../spokes/credential-check-error";
export { FormMismatchError, isFormMismatchError } from "../forms/form-mismatch-error";
export { FormTemplateFormatError, isFormTemplateFormatError } from "../forms/form-template-format-error";
export { isUnknownFormLabelError, UnknownFormLabelError } from "../forms/unknown-form-label-error";
export { ImportError, isImportError } from "../scan/import-error";
