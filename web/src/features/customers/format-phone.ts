// The helper moved to shared/ (one phone format in every feature); kept here for existing imports.
export { formatPhone } from '../../shared/format-phone.ts';
