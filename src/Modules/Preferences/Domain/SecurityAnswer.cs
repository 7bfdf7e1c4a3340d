namespace BillCenter.Modules.Preferences.Domain;

/// <summary>
/// One of a user's three security questions and a salted, slow hash of its normalized answer (never the answer).
/// </summary>
internal sealed class SecurityAnswer
{
    public const int MaxUserIdLength = 64;
    public const int MaxQuestionKeyLength = 40;
    public const int MaxAnswerHashLength = 200;

    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    /// <summary>1, 2 or 3: the order the cardholder chose them in.</summary>
    public int Position { get; set; }

    public string QuestionKey { get; set; } = string.Empty;

    public string AnswerHash { get; set; } = string.Empty;

    public DateTime SetAt { get; set; }
}
