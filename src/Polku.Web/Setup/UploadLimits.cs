namespace Polku.Web.Setup;

/// <summary>
/// How large an upload may be (configuration section <c>Uploads</c>). The pages read their uploads as they arrive
/// and stop at these limits with their own message; Kestrel's cut-off on those pages is set well above them.
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "Uploads";

    /// <summary>
    /// The register extract's two files together: 256 MiB by default, about 2.7 million events as <c>polku generate</c>
    /// writes them (about 95 bytes a row) — a 100 000-resident extract of about 1.4 million events is 135 MB. At most 1024.
    /// </summary>
    public int ExtractMegabytes { get; set; } = 256;

    /// <summary>Each of the two PTV list documents: 50 MiB by default. At most 400.</summary>
    public int PtvDocumentMegabytes { get; set; } = 50;

    public long ExtractBytes => (long)Math.Clamp(ExtractMegabytes, 1, 1024) << 20;
    public long PtvDocumentBytes => (long)Math.Clamp(PtvDocumentMegabytes, 1, 400) << 20;
}
