// Generated from information-reply.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Send more information" (information-reply, version 1). */
export type InformationReplyAnswers = {
  /** Information for the receiving team */
  information: string;
  /** Attachments */
  attachments?: InformationReplyAttachmentsItem[];
};

/** One item of "Attachments" (attachments). */
export type InformationReplyAttachmentsItem = {
  /** File */
  file: { id: string; name: string };
};
