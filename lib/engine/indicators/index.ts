/** The indicator lexicon and the functions that resolve and compare indicator names. */
export { englishIndicatorName, INDICATOR_ENGLISH } from "./english";
export { CATEGORIES, type Category, type IndicatorEntry, LEXICON } from "./lexicon";
export { statedMeasure } from "./measure";
export {
  indicatorCore,
  lexiconEntry,
  normaliseIndicatorName,
  type ResolvedIndicator,
  resolveIndicator,
} from "./resolve";
export {
  indicatorSimilarity,
  type NameProfile,
  nameProfile,
  profileSimilarity,
  similarityKeys,
  textSimilarity,
} from "./similarity";
