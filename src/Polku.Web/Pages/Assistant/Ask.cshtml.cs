using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Assistant;

namespace Polku.Web.Pages.Assistant;

/// <summary>
/// A free-text question. The answer is rendered in the response to the POST on purpose: the question is neither stored
/// nor put in a URL (where it would reach access logs and browser history), so there is nothing to redirect to.
/// </summary>
public sealed class AskModel(Questions questions) : PageModel
{
    [BindProperty]
    public AskInput Input { get; set; } = new();

    public QuestionAnswer? Answer { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            Answer = await questions.AnswerAsync(Input.Question!, ct);
        }

        return Page();
    }

    public sealed class AskInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Assistant.Question")]
        public string? Question { get; set; }
    }
}
