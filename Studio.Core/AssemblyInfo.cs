using Microsoft.Extensions.Localization;

// The French of Core's messages sits in Studio.Core/Resources/<folder>/<Class>.fr.resx, whatever resources path the
// host gives its own localizers: the attributes win over LocalizationOptions.ResourcesPath for this assembly.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("Studio.Core")]
