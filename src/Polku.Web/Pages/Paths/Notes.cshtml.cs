using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Notes;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Paths;

/// <summary>
/// The professional's side of co-written notes: draft a note with the client, revise it, and see the client's comment
/// and agreement next to the text. Every read and change goes through <see cref="CoWrittenNotes"/> and so through
/// <c>ClientAccess</c> (care relationship or consent, audited).
/// </summary>
public sealed class NotesModel(CoWrittenNotes notes, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The note being revised; null for a new note (one form on the page keeps field ids unique).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Revise { get; set; }

    [BindProperty]
    public NoteInput Input { get; set; } = new();

    public string ClientName { get; private set; } = "";

    public List<CoWrittenNote> Notes { get; private set; } = [];

    /// <summary>The signed-in professional: only a note's author is offered to revise it.</summary>
    public int? ProfessionalId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (Notes.FirstOrDefault(n => n.Id == Revise && n.ProfessionalId == ProfessionalId) is { } note)
        {
            Input = new NoteInput { Text = note.ProfessionalText };
        }
        else
        {
            Revise = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ?? Page();
        }

        var who = await actor.GetAsync(ct);
        var problem = Revise is { } noteId
            ? await ReviseOwnAsync(who, noteId, ct)
            : (await notes.DraftAsync(who, Id, Input.Text, ct)).Problem;
        switch (problem)
        {
            case null:
                TempData["NoteSaved"] = true;
                return Redirect($"/Paths/Client/{Id}/Notes");
            case NoteProblem.NotFound:
                return NotFound();
            case NoteProblem.Denied or NoteProblem.NotAuthor:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                ModelState.AddModelError(Field, problem == NoteProblem.TooLong
                    ? texts["Validation.TooLong", texts["Notes.Pro.Text"], CoWrittenNote.TextMaxLength]
                    : texts["Validation.Required", texts["Notes.Pro.Text"]]);
                return await LoadAsync(ct) ?? Page();
        }
    }

    private const string Field = $"{nameof(Input)}.{nameof(NoteInput.Text)}";

    /// <summary>Revises a note only when it belongs to the client in the address, so a note id cannot be borrowed.</summary>
    private async Task<NoteProblem?> ReviseOwnAsync(Polku.Core.Identity.Actor who, Guid noteId, CancellationToken ct)
    {
        var (_, list, denied) = await notes.WithClientAsync(who, Id, ct);
        if (list is null)
        {
            return denied ? NoteProblem.Denied : NoteProblem.NotFound;
        }

        return list.Any(n => n.Id == noteId) ? await notes.ReviseAsync(who, noteId, Input.Text, ct) : NoteProblem.NotFound;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        ProfessionalId = who.ProfessionalId;
        var (client, list, denied) = await notes.WithClientAsync(who, Id, ct);
        if (client is null || list is null)
        {
            return denied ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        }

        ClientName = client.FullName;
        Notes = list;
        return null;
    }

    public sealed class NoteInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CoWrittenNote.TextMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Notes.Pro.Text")]
        public string Text { get; set; } = "";
    }
}
