using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using QRCoder;

namespace Polku.Web.Pages.Feedback;

/// <summary>The QR code of a unit's feedback link as SVG, for printing on the unit's door.</summary>
public sealed class QrModel(PolkuDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Child { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == Unit, ct))
        {
            return NotFound();
        }

        return Content(Svg(FeedbackLink(Request, Unit, Child)), "image/svg+xml");
    }

    public static string FeedbackLink(HttpRequest request, int unit, bool child) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/Feedback/{unit}" + (child ? "?child=true" : "");

    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
