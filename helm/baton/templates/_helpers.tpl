{{/* Chart name, truncated to the 63 characters Kubernetes allows in a name. */}}
{{- define "baton.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name: <release>-baton, or the release name when it already contains the chart name. */}}
{{- define "baton.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "baton.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every resource. */}}
{{- define "baton.labels" -}}
helm.sh/chart: {{ include "baton.chart" . }}
{{ include "baton.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: baton
{{- end -}}

{{/* Labels that identify the release's pods (add app.kubernetes.io/component per workload). */}}
{{- define "baton.selectorLabels" -}}
app.kubernetes.io/name: {{ include "baton.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "baton.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "baton.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Image reference. Call with (dict "root" $ "image" .Values.api.image). */}}
{{- define "baton.image" -}}
{{- $root := .root -}}
{{- $repository := .image.repository -}}
{{- if $root.Values.image.registry -}}
{{- $repository = printf "%s/%s" (trimSuffix "/" $root.Values.image.registry) $repository -}}
{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (.image.tag | default $root.Values.image.tag | default $root.Chart.AppVersion | toString) -}}
{{- end -}}
{{- end -}}

{{/* ---- Secrets ------------------------------------------------------------------------------ */}}

{{/* The Secret the chart manages (DATABASE_URL, SMTP_URL, BATON_ADMIN_PASSWORD when given inline). */}}
{{- define "baton.secretName" -}}
{{- include "baton.fullname" . -}}
{{- end -}}

{{/* Copy of the inline secrets for the migration hook, which runs before the release's own Secret exists. */}}
{{- define "baton.migrationSecretName" -}}
{{- printf "%s-migration" (include "baton.fullname" . | trunc 53 | trimSuffix "-") -}}
{{- end -}}

{{- define "baton.databaseSecretName" -}}
{{- default (include "baton.secretName" .) .Values.database.existingSecret -}}
{{- end -}}

{{- define "baton.databaseSecretKey" -}}
{{- if .Values.database.existingSecret -}}{{ .Values.database.existingSecretKey }}{{- else -}}DATABASE_URL{{- end -}}
{{- end -}}

{{- define "baton.smtpEnabled" -}}
{{- if or .Values.smtp.url .Values.smtp.existingSecret -}}true{{- end -}}
{{- end -}}

{{- define "baton.smtpSecretName" -}}
{{- default (include "baton.secretName" .) .Values.smtp.existingSecret -}}
{{- end -}}

{{- define "baton.smtpSecretKey" -}}
{{- if .Values.smtp.existingSecret -}}{{ .Values.smtp.existingSecretKey }}{{- else -}}SMTP_URL{{- end -}}
{{- end -}}

{{/* "true" when the chart supplies the admin password itself (given inline or generated). */}}
{{- define "baton.adminPasswordManaged" -}}
{{- if and .Values.admin.email (not .Values.admin.existingSecret) -}}true{{- end -}}
{{- end -}}

{{- define "baton.adminSecretKey" -}}
{{- if .Values.admin.existingSecret -}}{{ .Values.admin.existingSecretPasswordKey }}{{- else -}}BATON_ADMIN_PASSWORD{{- end -}}
{{- end -}}

{{/* "true" when the chart supplies the metrics token itself (given inline or generated). */}}
{{- define "baton.metricsTokenManaged" -}}
{{- if and .Values.metrics.enabled (not .Values.metrics.existingSecret) -}}true{{- end -}}
{{- end -}}

{{- define "baton.metricsSecretName" -}}
{{- default (include "baton.secretName" .) .Values.metrics.existingSecret -}}
{{- end -}}

{{- define "baton.metricsSecretKey" -}}
{{- if .Values.metrics.existingSecret -}}{{ .Values.metrics.existingSecretKey }}{{- else -}}METRICS_TOKEN{{- end -}}
{{- end -}}

{{/* The metrics token the chart manages: inline, else the stored one (upgrades keep it), else new. */}}
{{- define "baton.metricsToken" -}}
{{- if .Values.metrics.token -}}
{{- .Values.metrics.token -}}
{{- else -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "baton.secretName" .) -}}
{{- if and $existing $existing.data (hasKey $existing.data "METRICS_TOKEN") -}}
{{- index $existing.data "METRICS_TOKEN" | b64dec -}}
{{- else -}}
{{- randAlphaNum 32 -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* "true" when the release Secret has anything to hold. */}}
{{- define "baton.secretNeeded" -}}
{{- if or (and .Values.database.url (not .Values.database.existingSecret)) (and .Values.smtp.url (not .Values.smtp.existingSecret)) (include "baton.adminPasswordManaged" .) (include "baton.metricsTokenManaged" .) -}}true{{- end -}}
{{- end -}}

{{/* "true" when the migration hook needs its own copy of inline secrets. */}}
{{- define "baton.migrationSecretNeeded" -}}
{{- if and .Values.migration.enabled (or (and .Values.database.url (not .Values.database.existingSecret)) (include "baton.adminPasswordManaged" .)) -}}true{{- end -}}
{{- end -}}

{{/*
The admin password the chart manages: the inline value, else the one already stored in the
release Secret (so upgrades keep it), else a new random one. Evaluate it ONCE per render (secret.yaml)
and hand it to both Secrets.
*/}}
{{- define "baton.adminPassword" -}}
{{- if .Values.admin.password -}}
{{- .Values.admin.password -}}
{{- else -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "baton.secretName" .) -}}
{{- if and $existing $existing.data (hasKey $existing.data "BATON_ADMIN_PASSWORD") -}}
{{- index $existing.data "BATON_ADMIN_PASSWORD" | b64dec -}}
{{- else -}}
{{- randAlphaNum 24 -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* ---- Shared pod pieces --------------------------------------------------------------------- */}}

{{/* Environment both the api and the worker take from Secrets. */}}
{{- define "baton.secretEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "baton.databaseSecretName" . }}
      key: {{ include "baton.databaseSecretKey" . }}
{{- if include "baton.smtpEnabled" . }}
- name: SMTP_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "baton.smtpSecretName" . }}
      key: {{ include "baton.smtpSecretKey" . }}
{{- end }}
{{- end -}}

{{/* Pod annotations that roll the pods when their configuration changes. */}}
{{- define "baton.configChecksums" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ printf "%s|%s|%s|%s" .Values.database.url .Values.smtp.url .Values.admin.password .Values.metrics.token | sha256sum }}
{{- end -}}

{{/* ---- Validation: cross-field rules the JSON schema cannot say clearly ---------------------- */}}
{{- define "baton.validate" -}}
{{- $v := .Values -}}
{{- if and $v.database.url $v.database.existingSecret -}}
{{- fail "\n\ndatabase: set database.url OR database.existingSecret, not both." -}}
{{- end -}}
{{- if not (or $v.database.url $v.database.existingSecret) -}}
{{- fail "\n\ndatabase: Baton needs its PostgreSQL database. Set database.existingSecret (a Secret with key DATABASE_URL, created before installing) or database.url (postgres://user:password@host:5432/baton)." -}}
{{- end -}}
{{- if not $v.temporal.address -}}
{{- fail "\n\ntemporal.address: set the host:port of your Temporal frontend, e.g. temporal-frontend.temporal.svc:7233 (the official Temporal Helm chart installs one)." -}}
{{- end -}}
{{- if and $v.smtp.url $v.smtp.existingSecret -}}
{{- fail "\n\nsmtp: set smtp.url OR smtp.existingSecret, not both." -}}
{{- end -}}
{{- if and $v.admin.password $v.admin.existingSecret -}}
{{- fail "\n\nadmin: set admin.password OR admin.existingSecret, not both." -}}
{{- end -}}
{{- if and (or $v.admin.password $v.admin.existingSecret) (not $v.admin.email) -}}
{{- fail "\n\nadmin.email: set the first admin's email too (the password alone creates nobody)." -}}
{{- end -}}
{{- if and $v.admin.password (lt (len $v.admin.password) 12) -}}
{{- fail "\n\nadmin.password: use at least 12 characters (Baton refuses shorter admin passwords)." -}}
{{- end -}}
{{- range $name := list "api" "worker" -}}
{{- $pdb := (index $v $name).pdb -}}
{{- if and $pdb.enabled (not (kindIs "invalid" $pdb.minAvailable)) (not (kindIs "invalid" $pdb.maxUnavailable)) -}}
{{- fail (printf "\n\n%s.pdb: set minAvailable OR maxUnavailable (set the other to null)." $name) -}}
{{- end -}}
{{- $hpa := (index $v $name).autoscaling -}}
{{- if and $hpa.enabled (gt (int $hpa.minReplicas) (int $hpa.maxReplicas)) -}}
{{- fail (printf "\n\n%s.autoscaling: minReplicas (%v) is above maxReplicas (%v)." $name $hpa.minReplicas $hpa.maxReplicas) -}}
{{- end -}}
{{- if and $hpa.enabled (not (or $hpa.targetCPUUtilizationPercentage $hpa.targetMemoryUtilizationPercentage)) -}}
{{- fail (printf "\n\n%s.autoscaling: set targetCPUUtilizationPercentage and/or targetMemoryUtilizationPercentage." $name) -}}
{{- end -}}
{{- end -}}
{{- if and $v.metrics.token $v.metrics.existingSecret -}}
{{- fail "\n\nmetrics: set metrics.token OR metrics.existingSecret, not both." -}}
{{- end -}}
{{- if and (or $v.metrics.token $v.metrics.existingSecret $v.metrics.serviceMonitor.enabled) (not $v.metrics.enabled) -}}
{{- fail "\n\nmetrics.enabled: set it to true too; without it the API serves no /metrics (the token or ServiceMonitor alone does nothing)." -}}
{{- end -}}
{{- if and $v.ingress.enabled (not $v.ingress.host) -}}
{{- fail "\n\ningress.host: set the host name Baton is reached at." -}}
{{- end -}}
{{- end -}}

{{/* ---- HPA and PDB, shared by api and worker. Call with (dict "root" $ "component" "api"). ---- */}}
{{- define "baton.hpa" -}}
{{- $root := .root -}}
{{- $values := index $root.Values .component -}}
{{- $hpa := $values.autoscaling -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "baton.fullname" $root }}-{{ .component }}
  labels:
    {{- include "baton.labels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "baton.fullname" $root }}-{{ .component }}
  minReplicas: {{ $hpa.minReplicas }}
  maxReplicas: {{ $hpa.maxReplicas }}
  metrics:
    {{- with $hpa.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
    {{- with $hpa.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
{{- end -}}

{{- define "baton.pdb" -}}
{{- $root := .root -}}
{{- $pdb := (index $root.Values .component).pdb -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "baton.fullname" $root }}-{{ .component }}
  labels:
    {{- include "baton.labels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  {{- if not (kindIs "invalid" $pdb.minAvailable) }}
  minAvailable: {{ $pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ if kindIs "invalid" $pdb.maxUnavailable }}1{{ else }}{{ $pdb.maxUnavailable }}{{ end }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "baton.selectorLabels" $root | nindent 6 }}
      app.kubernetes.io/component: {{ .component }}
{{- end -}}
