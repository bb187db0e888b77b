using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Segmentation;

namespace Polku.Web.Pages.Shared;

/// <summary>
/// A page that asks one part of an instrument: one select per item, posted as <c>Input.Answers[i]</c> in the
/// instrument's order. Rendered by the partial <c>_Questions</c>.
/// </summary>
public abstract class QuestionnairePageModel(IStringLocalizer<Texts> texts) : PageModel
{
    protected IStringLocalizer<Texts> Localizer { get; } = texts;

    [BindProperty]
    public AnswersInput Input { get; set; } = new();

    public Instrument? Instrument { get; protected set; }
    public AssessmentPart Part { get; protected set; }

    public IReadOnlyList<InstrumentItem> Items => Instrument is null ? [] : [.. Instrument.ItemsOf(Part)];

    public IEnumerable<SelectListItem> OptionsFor(InstrumentItem item)
    {
        var language = PolkuCultures.CurrentLanguage;
        return new[] { new SelectListItem(Localizer["Form.Choose"], "") }
            .Concat(Instrument!.ScaleOf(item).Options.Select(o => new SelectListItem(o.Label.In(language), o.Value.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>The posted answers by item key; unanswered items are left out (and reported by the check).</summary>
    protected Dictionary<string, int> PostedAnswers()
    {
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Items.Count; i++)
        {
            if (i < Input.Answers.Count && Input.Answers[i] is { } value)
            {
                answers[Items[i].Key] = value;
            }
        }

        return answers;
    }

    /// <summary>Gives every item a slot in <see cref="AnswersInput.Answers"/> so the form can render it.</summary>
    public void EnsureAnswerSlots()
    {
        while (Input.Answers.Count < Items.Count)
        {
            Input.Answers.Add(null);
        }
    }

    protected void Prefill(IReadOnlyDictionary<string, int> answers) =>
        Input = new AnswersInput { Answers = [.. Items.Select(i => answers.TryGetValue(i.Key, out var v) ? v : (int?)null)] };

    protected void ShowErrors(IReadOnlyList<AnswerError>? errors)
    {
        foreach (var error in errors ?? [])
        {
            var index = Items.ToList().FindIndex(i => i.Key == error.ItemKey);
            ModelState.AddModelError($"Input.Answers[{index.ToString(CultureInfo.InvariantCulture)}]", Localizer[error.Missing ? "Validation.Answer" : "Validation.Choice"]);
        }
    }

    public sealed class AnswersInput
    {
        public List<int?> Answers { get; set; } = [];
    }
}
