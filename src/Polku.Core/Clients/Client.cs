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

    public string FullName => $"{FirstName} {LastName}";

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
}

public enum FamilyRole
{
    Adult,
    Guardian,
    Child,
}
