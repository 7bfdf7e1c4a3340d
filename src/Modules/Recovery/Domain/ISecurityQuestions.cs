namespace BillCenter.Modules.Recovery.Domain;

/// <summary>
/// The seam for the security-question step: after the one-time code, the journey asks whether the online account has
/// security questions; when it does, one of them must be answered (wrong answers counting toward the card's lockout)
/// before the user ID or the new password. Never instead of the code.
/// </summary>
internal interface ISecurityQuestions
{
    Task<bool> HasQuestionsAsync(string userId, CancellationToken cancellationToken);
}
