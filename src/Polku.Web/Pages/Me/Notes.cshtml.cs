using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Participation.Notes;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>Notes written together with the client: the professional's text and the client's own view side by side.</summary>
public sealed class NotesModel(CoWrittenNotes notes, CurrentActor actor) : PageModel
{
    public List<CoWrittenNote> Notes { get; private set; } = [];

    /// <summary>The note being answered (one form on the page at a time keeps field ids unique).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Answer { get; set; }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        Notes = await notes.ForClientAsync(who, who.ClientId!.Value, ct) ?? [];
        if (Notes.FirstOrDefault(n => n.Id == Answer) is { } note)
        {
            Input = new AnswerInput { Comment = note.ClientComment, Agrees = note.ClientAgrees };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        if (Answer is not { } id || !ModelState.IsValid)
        {
            Notes = await notes.ForClientAsync(who, who.ClientId!.Value, ct) ?? [];
            return Page();
        }

        return await notes.AnswerAsync(who, id, Input.Comment, Input.Agrees, ct) switch
        {
            null => Redirect("/Me/Notes"),
            NoteProblem.NotFound => NotFound(),
            _ => Forbid(),
        };
    }

    public sealed class AnswerInput
    {
        [StringLength(CoWrittenNote.TextMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Notes.ClientComment")]
        public string? Comment { get; set; }

        [Display(Name = "Notes.Agree")]
        public bool Agrees { get; set; }
    }
}
