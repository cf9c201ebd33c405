-- 0005 pdf batches: a printed CMS-1500 batch is a submission too. An original claim (frequency 1)
-- goes out in at most one batch of either kind — an 837P file or a printed batch — so a claim
-- mailed on paper cannot also go to the clearinghouse (or be printed again as a new batch).
-- Replacements (7) and voids (8) may still follow. 0003's index (837 only) is replaced by this
-- wider one; before this version PDF prints recorded no batch, so no stored row can break it.
DROP INDEX batch_claims_original_once;
CREATE UNIQUE INDEX batch_claims_original_once_any_kind ON batch_claims (claim_id) WHERE frequency = '1';
