namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>The outcome of <see cref="VerifyOneTimeCode"/>, and the account the code was for when it is valid.</summary>
public sealed record CodeCheckResult(CodeCheck Outcome, Guid? CardAccountId)
{
    public bool IsValid => Outcome == CodeCheck.Valid;

    /// <summary>The message a cardholder sees at the field.</summary>
    public string Message => Outcome switch
    {
        CodeCheck.Valid => string.Empty,
        CodeCheck.Wrong => "The code is not correct. Check the code and try again",
        CodeCheck.Expired => "The code has expired. Ask for a new code",
        CodeCheck.TooManyAttempts => "You have entered the wrong code too many times. Ask for a new code",
        CodeCheck.LimitReached => "For your security, we cannot send or check codes for this card now. Call the number on the back of your card for help",
        CodeCheck.AlreadyUsed => "That code has already been used. Ask for a new code",
        _ => "The code is not correct. Ask for a new code",
    };
}
