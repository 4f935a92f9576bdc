// Generated from intelligence-product.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record an intelligence product" (intelligence-product, version 1). */
export type IntelligenceProductAnswers = {
  /** Product type */
  productType: 'intelligence-report' | 'target-package' | 'alert' | 'risk-profile' | 'briefing';
  /** Product reference */
  productReference: string;
  /** Disseminated to */
  disseminatedTo: (
    | 'border-force-frontline'
    | 'national-crime-agency'
    | 'police'
    | 'hmrc'
    | 'immigration-enforcement'
    | 'overseas-partner'
  )[];
  /** Legal gateway */
  legalGateway:
    | 'borders-citizenship-immigration-act-2009'
    | 'crime-and-courts-act-2013-s7'
    | 'commissioners-revenue-customs-act-2005-s18'
    | 'immigration-asylum-act-1999-s20'
    | 'data-protection-act-2018-part-3';
};
