using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;

namespace Polku.Web.TagHelpers;

/// <summary>
/// Renders one labelled form field with its hint and error: <c>&lt;polku-field for="Input.Email" type="email" /&gt;</c>.
/// The label comes from the property's [Display(Name)] (translated); errors come from ModelState and are tied to the
/// control with aria-describedby and aria-invalid. Give <c>options</c> for a select, <c>type="textarea"</c> for text areas,
/// <c>options</c> with <c>type="radio"</c> for a group of radio buttons in a fieldset (the label becomes its legend),
/// <c>options</c> with <c>type="checkbox"</c> for a group of checkboxes bound to a list, and <c>type="checkbox"</c>
/// alone for one yes/no checkbox bound to a bool (posted as "true").
/// </summary>
[HtmlTargetElement("polku-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<Texts> texts) : TagHelper
{
    public required ModelExpression For { get; set; }

    /// <summary>input type (text, email, tel, password, number, date, file, checkbox), "textarea", or "radio"/"checkbox" with options.</summary>
    public string Type { get; set; } = "text";

    /// <summary>Resource key of a hint shown under the label.</summary>
    public string? Hint { get; set; }

    public string? Autocomplete { get; set; }

    public IEnumerable<SelectListItem>? Options { get; set; }

    /// <summary>A label text that is already translated (e.g. a question of a questionnaire); overrides [Display(Name)].</summary>
    public string? Label { get; set; }

    /// <summary>Marks the field required when the model property cannot say so (e.g. an element of a list).</summary>
    public bool? Required { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var required = Required ?? (For.Metadata.IsRequired && For.Metadata.ModelType != typeof(bool));
        var value = state?.AttemptedValue ?? FormatValue(For.Model);

        var radios = Type is "radio" or "checkbox" && Options is not null;
        output.TagName = radios ? "fieldset" : "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", (errors.Count > 0 ? "field field--invalid" : "field") + (radios ? " field--choices" : ""));

        var label = new TagBuilder(radios ? "legend" : "label");
        if (!radios)
        {
            label.Attributes["for"] = id;
        }

        label.InnerHtml.Append(Label ?? For.Metadata.DisplayName ?? name);
        if (required)
        {
            var marker = new TagBuilder("span");
            marker.AddCssClass("field__required");
            marker.InnerHtml.Append(" (" + texts["Form.Required"] + ")");
            label.InnerHtml.AppendHtml(marker);
        }

        var single = Type == "checkbox" && Options is null;
        if (!single)
        {
            output.Content.AppendHtml(label);
        }

        var describedBy = new List<string>();
        var notes = new List<TagBuilder>();
        if (Hint is not null)
        {
            notes.Add(HintElement(id + "-hint"));
            describedBy.Add(id + "-hint");
        }

        if (errors.Count > 0)
        {
            notes.Add(ErrorElement(id + "-error", errors));
            describedBy.Add(id + "-error");
        }

        if (!single)
        {
            notes.ForEach(n => output.Content.AppendHtml(n));
        }

        if (radios)
        {
            if (Type == "checkbox")
            {
                // The error summary links to the group.
                output.Attributes.SetAttribute("id", id);
            }

            output.Content.AppendHtml(BuildRadios(name, id, Selected(state, value), describedBy, errors.Count > 0, required));
            return;
        }

        var control = BuildControl(name, id, value);
        if (describedBy.Count > 0)
        {
            control.Attributes["aria-describedby"] = string.Join(" ", describedBy);
        }

        if (errors.Count > 0)
        {
            control.Attributes["aria-invalid"] = "true";
        }

        if (required)
        {
            control.Attributes["aria-required"] = "true";
        }

        if (Autocomplete is not null)
        {
            control.Attributes["autocomplete"] = Autocomplete;
        }

        if (single)
        {
            // One checkbox: the box before its label, as people expect to see it.
            var item = new TagBuilder("div");
            item.AddCssClass("choices__item");
            label.AddCssClass("choice");
            item.InnerHtml.AppendHtml(control);
            item.InnerHtml.AppendHtml(label);
            output.Content.AppendHtml(item);
            notes.ForEach(n => output.Content.AppendHtml(n));
            return;
        }

        output.Content.AppendHtml(control);
    }

    private TagBuilder HintElement(string id)
    {
        var hint = new TagBuilder("p");
        hint.AddCssClass("field__hint");
        hint.Attributes["id"] = id;
        hint.InnerHtml.Append(texts[Hint!]);
        return hint;
    }

    private TagBuilder ErrorElement(string id, List<string> errors)
    {
        var error = new TagBuilder("p");
        error.AddCssClass("field__error");
        error.Attributes["id"] = id;
        var prefix = new TagBuilder("span");
        prefix.AddCssClass("visually-hidden");
        prefix.InnerHtml.Append(texts["Form.ErrorPrefix"] + " ");
        error.InnerHtml.AppendHtml(prefix);
        error.InnerHtml.Append(string.Join(" ", errors));
        return error;
    }

    /// <summary>The chosen values: what was posted, else the model's value or, for a list, its items.</summary>
    private HashSet<string> Selected(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateEntry? state, string? value)
    {
        if (state?.RawValue is string[] posted)
        {
            return [.. posted];
        }

        if (state?.RawValue is not null || Type == "radio" || For.Model is string || For.Model is not System.Collections.IEnumerable items)
        {
            return value is null ? [] : [value];
        }

        return [.. items.Cast<object?>().Select(FormatValue).OfType<string>()];
    }

    private TagBuilder BuildRadios(string name, string id, HashSet<string> selected, List<string> describedBy, bool invalid, bool required)
    {
        // Options with groups (SelectListItem.Group) are shown as one fieldset per group, its name the legend.
        var groups = Options!.GroupBy(o => o.Group?.Name).ToList();
        if (groups.Count > 1 || groups[0].Key is not null)
        {
            var all = new TagBuilder("div");
            var start = 0;
            foreach (var group in groups)
            {
                var set = new TagBuilder("fieldset");
                set.AddCssClass("choices__group");
                var legend = new TagBuilder("legend");
                legend.InnerHtml.Append(group.Key ?? "");
                set.InnerHtml.AppendHtml(legend);
                set.InnerHtml.AppendHtml(BuildChoices([.. group], name, id, start, selected, describedBy, invalid, required));
                start += group.Count();
                all.InnerHtml.AppendHtml(set);
            }

            return all;
        }

        return BuildChoices([.. Options!], name, id, 0, selected, describedBy, invalid, required);
    }

    private TagBuilder BuildChoices(
        IReadOnlyList<SelectListItem> options, string name, string id, int start, HashSet<string> selected, List<string> describedBy, bool invalid, bool required)
    {
        var list = new TagBuilder("div");
        list.AddCssClass("choices");
        var index = start;
        foreach (var option in options)
        {
            var optionId = $"{id}_{index++}";
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.Attributes["type"] = Type;
            input.Attributes["id"] = optionId;
            input.Attributes["name"] = name;
            input.Attributes["value"] = option.Value;
            if (selected.Contains(option.Value))
            {
                input.Attributes["checked"] = "checked";
            }

            if (describedBy.Count > 0)
            {
                input.Attributes["aria-describedby"] = string.Join(" ", describedBy);
            }

            if (invalid)
            {
                input.Attributes["aria-invalid"] = "true";
            }

            if (required && Type == "radio")
            {
                input.Attributes["required"] = "required";
            }

            var label = new TagBuilder("label");
            label.AddCssClass("choice");
            label.Attributes["for"] = optionId;
            label.InnerHtml.Append(option.Text);
            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass("choices__item");
            wrapper.InnerHtml.AppendHtml(input);
            wrapper.InnerHtml.AppendHtml(label);
            list.InnerHtml.AppendHtml(wrapper);
        }

        return list;
    }

    private TagBuilder BuildControl(string name, string id, string? value)
    {
        TagBuilder control;
        if (Options is not null)
        {
            control = new TagBuilder("select");
            foreach (var option in Options)
            {
                var o = new TagBuilder("option");
                o.Attributes["value"] = option.Value;
                if (option.Value == value)
                {
                    o.Attributes["selected"] = "selected";
                }

                o.InnerHtml.Append(option.Text);
                control.InnerHtml.AppendHtml(o);
            }
        }
        else if (Type == "textarea")
        {
            control = new TagBuilder("textarea");
            control.Attributes["rows"] = "5";
            control.InnerHtml.Append(value ?? "");
        }
        else
        {
            control = new TagBuilder("input");
            control.TagRenderMode = TagRenderMode.SelfClosing;
            control.Attributes["type"] = Type;
            if (Type == "checkbox")
            {
                control.Attributes["value"] = "true";
                if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    control.Attributes["checked"] = "checked";
                }
            }
            else if (Type is not ("password" or "file"))
            {
                control.Attributes["value"] = value ?? "";
            }
        }

        control.Attributes["id"] = id;
        control.Attributes["name"] = name;
        return control;
    }

    private static string? FormatValue(object? model) => model switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => model.ToString(),
    };
}
