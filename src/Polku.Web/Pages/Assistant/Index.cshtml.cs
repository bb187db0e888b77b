using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Polku.Web.Pages.Assistant;

/// <summary>The assistant's start: situations as buttons, a free-text question, the meter and a message to a human. Public.</summary>
public sealed class IndexModel : PageModel
{
    public AskModel.AskInput Input { get; } = new();
}
