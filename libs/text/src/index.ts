export { clipCodePoints, clipText } from './clip-text';
export { isStorableText, storableJson, storableText } from './storable-text';
