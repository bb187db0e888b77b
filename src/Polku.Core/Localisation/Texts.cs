namespace Polku.Core.Localisation;

/// <summary>
/// Marker type for the shared user-interface texts: <c>Texts.resx</c> (Finnish, the neutral language),
/// <c>Texts.sv.resx</c> and <c>Texts.en.resx</c>. A test fails when a key lacks a language.
/// </summary>
public sealed class Texts;
