// Generated from interpreter-booking.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record the interpreter booking" (interpreter-booking, version 1). */
export type InterpreterBookingAnswers = {
  /** Interpreting service */
  provider: string;
  /** Booking reference */
  bookingReference: string;
  /** Interpreter's ID number (optional) */
  interpreterId?: string;
  /** Confirmed date and time */
  confirmedFor: string;
};
