namespace BillCenter.Modules.Preferences.Domain;

/// <summary>A question a cardholder may choose: a stable key (stored) and its words (shown).</summary>
internal sealed record SecurityQuestion(string Key, string Text)
{
    /// <summary>How many questions a cardholder sets.</summary>
    public const int PerUser = 3;

    /// <summary>
    /// Questions whose answers the cardholder remembers, rarely changes and does not post publicly (no mother's maiden
    /// name, no birthplace: both are in public records).
    /// </summary>
    public static IReadOnlyList<SecurityQuestion> All { get; } =
    [
        new("first-pet", "What was the name of your first pet?"),
        new("first-school", "What was the name of your first school?"),
        new("childhood-street", "What was the name of the street you lived on as a child?"),
        new("first-car", "What was the make and model of your first car?"),
        new("childhood-nickname", "What was your childhood nickname?"),
        new("childhood-friend", "What was the first name of your best friend as a child?"),
        new("parents-met", "In what city or town did your parents meet?"),
        new("first-concert", "What was the first concert you went to?"),
        new("favorite-teacher", "What was the last name of your favorite teacher?"),
        new("first-job", "What was the name of the company of your first job?"),
    ];

    public static SecurityQuestion? Find(string? key) => All.FirstOrDefault(q => string.Equals(q.Key, key, StringComparison.Ordinal));
}
