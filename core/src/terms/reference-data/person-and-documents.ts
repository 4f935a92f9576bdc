import { REFERENCE_EPOCH, type ReferenceSetDefinition } from './types.js';

/** Sex as printed on machine readable travel documents (ICAO Doc 9303: F, M or X). */
export const sex: ReferenceSetDefinition = {
  id: 'sex',
  label: 'Sex',
  description: 'Sex as shown on ICAO machine readable travel documents. attributes.icaoCode is the MRZ character.',
  rows: [
    { id: 'female', label: 'Female', validFrom: REFERENCE_EPOCH, attributes: { icaoCode: 'F' } },
    { id: 'male', label: 'Male', validFrom: REFERENCE_EPOCH, attributes: { icaoCode: 'M' } },
    {
      id: 'unspecified',
      label: 'Unspecified (X)',
      validFrom: REFERENCE_EPOCH,
      attributes: { icaoCode: 'X', hint: 'Shown as X on the document (the MRZ shows <)' },
    },
  ],
};

/**
 * Identity and travel document types. attributes.icaoCode is the first character of the
 * ICAO document code where the document is machine readable.
 */
export const documentTypes: ReferenceSetDefinition = {
  id: 'document-types',
  label: 'Document types',
  description: 'Identity, travel and immigration documents seen at the border.',
  rows: [
    {
      id: 'passport',
      label: 'Passport',
      validFrom: REFERENCE_EPOCH,
      attributes: { icaoCode: 'P', travelDocument: true },
    },
    {
      id: 'national-identity-card',
      label: 'National identity card',
      validFrom: REFERENCE_EPOCH,
      attributes: { icaoCode: 'I', travelDocument: true },
    },
    {
      id: 'residence-permit',
      label: 'Residence permit',
      validFrom: REFERENCE_EPOCH,
      attributes: { travelDocument: false },
    },
    {
      id: 'visa',
      label: 'Visa (vignette)',
      validFrom: REFERENCE_EPOCH,
      attributes: { icaoCode: 'V', travelDocument: false },
    },
    {
      id: 'seafarer-identity-document',
      label: "Seaman's book or seafarer's identity document",
      validFrom: REFERENCE_EPOCH,
      attributes: { travelDocument: true },
    },
    {
      id: 'crew-member-certificate',
      label: 'Crew member certificate (aircrew)',
      validFrom: REFERENCE_EPOCH,
      attributes: { travelDocument: true },
    },
    {
      id: 'convention-travel-document',
      label: 'Refugee travel document (1951 Convention)',
      validFrom: REFERENCE_EPOCH,
      attributes: { icaoCode: 'P', travelDocument: true },
    },
    {
      id: 'stateless-person-travel-document',
      label: 'Stateless person travel document (1954 Convention)',
      validFrom: REFERENCE_EPOCH,
      attributes: { icaoCode: 'P', travelDocument: true },
    },
    {
      id: 'certificate-of-travel',
      label: 'Certificate of travel',
      validFrom: REFERENCE_EPOCH,
      attributes: { icaoCode: 'P', travelDocument: true },
    },
    {
      id: 'emergency-travel-document',
      label: 'Emergency travel document',
      validFrom: REFERENCE_EPOCH,
      attributes: { travelDocument: true },
    },
    {
      id: 'un-laissez-passer',
      label: 'United Nations laissez-passer',
      validFrom: REFERENCE_EPOCH,
      attributes: { icaoCode: 'P', travelDocument: true },
    },
    {
      id: 'driving-licence',
      label: 'Driving licence',
      validFrom: REFERENCE_EPOCH,
      attributes: { travelDocument: false },
    },
    {
      id: 'biometric-residence-permit',
      label: 'Biometric residence permit (BRP)',
      validFrom: REFERENCE_EPOCH,
      validTo: '2024-12-31',
      attributes: {
        icaoCode: 'I',
        travelDocument: false,
        note: 'BRPs were replaced by eVisas; all expired by 31 December 2024',
      },
    },
    { id: 'other-document', label: 'Other document', validFrom: REFERENCE_EPOCH },
  ],
};
