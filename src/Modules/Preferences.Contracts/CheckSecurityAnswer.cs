using MediatR;

namespace BillCenter.Modules.Preferences.Contracts;

/// <summary>
/// Whether <paramref name="Answer"/> matches the saved answer to the user's question <paramref name="QuestionKey"/>,
/// compared the way it was saved (case, spaces and punctuation aside). False for a question the user did not set.
/// Counting wrong answers is the caller's business (recovery counts them toward the card's lockout).
/// </summary>
public sealed record CheckSecurityAnswer(string UserId, string QuestionKey, string Answer) : IRequest<bool>;
