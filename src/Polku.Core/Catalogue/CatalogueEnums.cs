namespace Polku.Core.Catalogue;

/// <summary>PTV service type (v11 values).</summary>
public enum ServiceType
{
    Service,
    PermitOrObligation,
    ProfessionalQualification,
}

/// <summary>PTV funding type: publicly funded or market funded.</summary>
public enum FundingType
{
    PubliclyFunded,
    MarketFunded,
}

/// <summary>The five PTV service channel kinds (v11 <c>serviceChannelType</c> values).</summary>
public enum ChannelKind
{
    EChannel,
    WebPage,
    PrintableForm,
    Phone,
    ServiceLocation,
}

/// <summary>How a phone call is charged (Polku's simplification of PTV's charge types).</summary>
public enum PhoneChargeType
{
    FreeOfCharge,
    Charged,
    Other,
}

/// <summary>Service level: how specialised a service is, from universal services for everyone to institutional care.</summary>
public enum ServiceLevel
{
    Universal,
    Basic,
    Specialist,
    Institutional,
}

/// <summary>Days of the week as flags, Monday first (ISO 8601 order).</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

public static class WeekdaysExtensions
{
    /// <summary>The flag of an ISO day number, 1 = Monday … 7 = Sunday.</summary>
    public static Weekdays FromIsoDay(int day) => day is >= 1 and <= 7
        ? (Weekdays)(1 << (day - 1))
        : throw new ArgumentOutOfRangeException(nameof(day), day, "Days are numbered 1 (Monday) to 7 (Sunday).");

    public static IEnumerable<int> IsoDays(this Weekdays days) => Enumerable.Range(1, 7).Where(d => days.HasFlag(FromIsoDay(d)));

    public static DayOfWeek ToDayOfWeek(int isoDay) => (DayOfWeek)(isoDay % 7);
}
