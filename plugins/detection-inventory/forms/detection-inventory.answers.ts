// Generated from detection-inventory.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record a detection equipment inventory" (detection-inventory, version 1). */
export type DetectionInventoryAnswers = {
  /** Port (term location.port, reference set ports) */
  port: string;
  /** Terminal (term location.terminal) */
  terminal?: string;
  /** Team responsible for the equipment (term staff.team, reference set teams) */
  team: string;
  /** Date of the count */
  countDate: string;
  /** Equipment */
  equipment?: DetectionInventoryEquipmentItem[];
  /** Total working units */
  totalWorking?: number;
  /** Total faulty units */
  totalFaulty?: number;
  /** Is the equipment covered by a maintenance contract? */
  maintenanceContract: boolean;
  /** Maintenance provider */
  maintenanceProvider?: string;
  /** When does the contract end? */
  contractEndDate?: string;
  /** Anything else about the equipment (optional) */
  notes?: string;
};

/** One item of "Equipment" (equipment). */
export type DetectionInventoryEquipmentItem = {
  /** Type of equipment */
  equipmentType:
    | 'x-ray-baggage-scanner'
    | 'x-ray-freight-scanner'
    | 'mobile-x-ray-scanner'
    | 'passive-millimetre-wave'
    | 'ion-mobility-spectrometer'
    | 'handheld-chemical-analyser'
    | 'radiation-portal-monitor'
    | 'personal-radiation-detector'
    | 'co2-probe'
    | 'heartbeat-detector'
    | 'density-meter'
    | 'fibrescope'
    | 'handheld-metal-detector'
    | 'other';
  /** Describe the equipment */
  otherEquipmentType?: string;
  /** Working units */
  workingUnits: number;
  /** Faulty units */
  faultyUnits: number;
  /** Staff trained to use it */
  trainedStaff: number;
  /** Have the faults been reported to the maintenance provider? */
  faultReported?: boolean;
};
