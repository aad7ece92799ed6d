export interface ActivityGeneratorSchema {
  name: string;
  directory?: string;
}
