import { NOW, type FormCase } from './case-types.js';

const base = { familyName: 'Smith', dateOfBirth: '1985-03-27', nationality: 'GB', port: 'GBDOV' };
const c = (
  name: string,
  answers: unknown,
  expectedErrors: FormCase['expectedErrors'],
  extra: Partial<FormCase> = {},
): FormCase => ({
  name,
  form: 'people',
  answers,
  mode: 'submit',
  now: NOW,
  expectedErrors,
  ...extra,
});

/** Fields bound to standard terms inherit type, format, reference set and messages. */
export const termCases: FormCase[] = [
  c('required term-bound fields answered', base, []),
  c('required term-bound fields missing', {}, [
    { path: 'familyName', message: 'Enter the family name' },
    { path: 'dateOfBirth', message: 'Enter the date of birth' },
    { path: 'nationality', message: 'Select the nationality' },
    { path: 'port', message: 'Select the port' },
  ]),
  c('date of birth today', { ...base, dateOfBirth: '2026-04-12' }, [
    { path: 'dateOfBirth', message: 'Date of birth must be in the past' },
  ]),
  c('date of birth in the future', { ...base, dateOfBirth: '2030-01-01' }, [
    { path: 'dateOfBirth', message: 'Date of birth must be in the past' },
  ]),
  c('date of birth that does not exist', { ...base, dateOfBirth: '1985-02-30' }, [
    { path: 'dateOfBirth', message: 'Date of birth must be a real date' },
  ]),
  c('date of birth in UK format', { ...base, dateOfBirth: '27/03/1985' }, [
    { path: 'dateOfBirth', message: 'Date of birth must be a real date' },
  ]),
  c('nationality not in the list', { ...base, nationality: 'XX' }, [
    { path: 'nationality', message: 'Select a nationality from the list' },
  ]),
  c('retired nationality on a new submission', { ...base, nationality: 'YU' }, [
    { path: 'nationality', message: 'That nationality is no longer in use – select another' },
  ]),
  c('retired nationality when amending', { ...base, nationality: 'YU' }, [], { options: { allowRetired: true } }),
  c('retired port', { ...base, port: 'GBXXX' }, [
    { path: 'port', message: 'That port is no longer in use – select another port' },
  ]),
  c('port not valid yet', { ...base, port: 'GBNEW' }, [{ path: 'port', message: 'Select a port from the list' }]),
  c('port given as a number', { ...base, port: 123 }, [{ path: 'port', message: 'Select a port from the list' }]),
  c('vehicle registration', { ...base, vehicle: 'AB12 CDE' }, []),
  c('vehicle registration with a symbol', { ...base, vehicle: 'AB12 CDE!' }, [
    { path: 'vehicle', message: 'Vehicle registration must only include letters, numbers, spaces and hyphens' },
  ]),
  c('vehicle registration too long', { ...base, vehicle: 'AB12CDEAB12CDEAB' }, [
    { path: 'vehicle', message: 'Vehicle registration must be 15 characters or less' },
  ]),
  c('trailer registration', { ...base, trailer: 'C123456' }, []),
  c('IMO number too short', { ...base, imo: '907472' }, [
    { path: 'imo', message: 'IMO number must be 7 digits, like 9074729' },
  ]),
  c('IMO number with IMO prefix', { ...base, imo: 'IMO9074729' }, []),
  c('flight number', { ...base, flight: 'BA0117' }, []),
  c('flight number too short', { ...base, flight: 'B' }, [
    { path: 'flight', message: 'Enter a flight number in the correct format, like BA0117' },
  ]),
  c('target reference', { ...base, targetRef: 'BF-20260412-17' }, []),
  c('target reference in the wrong format', { ...base, targetRef: 'BF2026' }, [
    { path: 'targetRef', message: 'Enter a target reference in the correct format, like BF-20260412-17' },
  ]),
  c('target category not in the list', { ...base, targetCategory: 'D' }, [
    { path: 'targetCategory', message: 'Select a target category from the list' },
  ]),
  c('sex from the list', { ...base, sex: 'female' }, []),
  c('sex not in the list', { ...base, sex: 'f' }, [{ path: 'sex', message: 'Select the sex from the list' }]),
  c('document number too short', { ...base, documentNumber: '12' }, [
    {
      path: 'documentNumber',
      message: 'Document number must only include letters and numbers, and be 5 to 20 characters long',
    },
  ]),
  c('document type not in the list', { ...base, documentType: 'visa' }, [
    { path: 'documentType', message: 'Select a document type from the list' },
  ]),
  c('issuing country', { ...base, issuingCountry: 'FR', documentType: 'passport', documentNumber: '502135326' }, []),
  c('event date-time later today (London time)', { ...base, eventDateTime: '2026-04-12T14:30' }, [
    { path: 'eventDateTime', message: 'Date and time of the event must be in the past' },
  ]),
  c('event date-time earlier today (London time)', { ...base, eventDateTime: '2026-04-12T12:30' }, []),
  c('event date-time with Z after now', { ...base, eventDateTime: '2026-04-12T12:30Z' }, [
    { path: 'eventDateTime', message: 'Date and time of the event must be in the past' },
  ]),
  c('event date-time that does not exist', { ...base, eventDateTime: '2026-02-30T10:00' }, [
    { path: 'eventDateTime', message: 'Date and time of the event must be a real date and time' },
  ]),
  c('given name too long', { ...base, givenName: 'x'.repeat(101) }, [
    { path: 'givenName', message: 'Given name must be 100 characters or less' },
  ]),
  c('family name given as a list', { ...base, familyName: ['Smith'] }, [
    { path: 'familyName', message: 'Family name must be text' },
  ]),
];
