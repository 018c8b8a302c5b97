-- Single sign-on: which identity at which OpenID Connect provider is which account. Linked by
-- issuer and subject, which the provider never reuses, not by email, which people change and
-- some providers let anyone claim.
CREATE TABLE account_identity (
    issuer         VARCHAR(255)             NOT NULL,
    subject        VARCHAR(255)             NOT NULL,
    account_id     UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (issuer, subject)
);

CREATE INDEX account_identity_account ON account_identity (account_id);
