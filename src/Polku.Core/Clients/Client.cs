namespace Polku.Core.Clients;

/// <summary>A person who is a client of the network. A family groups persons; guardians act for children.</summary>
public class Client
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Key { get; init; }

    /// <summary>The personal identity code in canonical (upper-case) form; see <see cref="Clients.PersonalIdentityCode"/>.</summary>
    public required string PersonalIdentityCode { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public DateOnly BirthDate { get; set; }

    /// <summary>F, M or X.</summary>
    public string? Sex { get; set; }

    /// <summary>Language of service: fi, sv or en.</summary>
    public string Language { get; set; } = "fi";
    public string? MunicipalityCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int? FamilyId { get; set; }
    public Family? Family { get; set; }
    public FamilyRole FamilyRole { get; set; }

    /// <summary>
    /// The due date of a child the client is expecting ("laskettu aika"), recorded by a professional with a care
    /// relationship (e.g. the maternity clinic); null when none is known. Proactive rules of kind ExpectedChild use it.
    /// </summary>
    public DateOnly? ExpectedChildOn { get; private set; }

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>A person is a minor, and a guardian acts for them, until this age.</summary>
    public const int AgeOfMajority = 18;

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>Changes the contact details the client can be reached with.</summary>
    public void ChangeContact(string? phone, string? email, string language)
    {
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Language = language;
    }

    /// <summary>
    /// Records or clears the due date of an expected child. A due date further than <see cref="MaxDaysToDueDate"/> days
    /// ahead, or more than <see cref="MaxDaysPastDueDate"/> days past, cannot be right and is refused (false).
    /// </summary>
    public bool SetExpectedChild(DateOnly? dueDate, DateOnly today)
    {
        if (dueDate is { } due && (due > today.AddDays(MaxDaysToDueDate) || due < today.AddDays(-MaxDaysPastDueDate)))
        {
            return false;
        }

        ExpectedChildOn = dueDate;
        return true;
    }

    /// <summary>A pregnancy lasts about 280 days from the last period; a due date is never further ahead than this.</summary>
    public const int MaxDaysToDueDate = 300;

    /// <summary>A due date may be recorded a little late (a birth is often after it).</summary>
    public const int MaxDaysPastDueDate = 30;
}

public enum FamilyRole
{
    Adult,
    Guardian,
    Child,
}
