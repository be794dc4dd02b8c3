pub mod entities;
pub mod org_pronoun;
pub mod pronoun_drift;
