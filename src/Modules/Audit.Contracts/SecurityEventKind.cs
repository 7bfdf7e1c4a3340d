namespace BillCenter.Modules.Audit.Contracts;

/// <summary>What happened. Stored by name, so new kinds may be added anywhere in the list.</summary>
public enum SecurityEventKind
{
    SignInSucceeded,
    SignInFailed,
    UserLockedOut,
    SecondFactorSent,
    SecondFactorFailed,
    SecondFactorPassed,
    CardSelfServiceLocked,
    CodeSent,
    CodeFailed,
    Enrolled,
    CardActivated,
    PasswordChanged,
    ContactChanged,
    BillingAddressChanged,
    SessionsEnded,
    PasswordReset,
    UserIdRecovered,
    SecurityQuestionsChanged,
    SecurityQuestionFailed,
    UserIdChanged,
    NewDeviceSignIn,
    BankAccountAdded,
    BankAccountRemoved,
    AutoPayChanged,
}
