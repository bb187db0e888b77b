using System.Resources;

[assembly: NeutralResourcesLanguage("fi")]
